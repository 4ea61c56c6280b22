"""Reading source files (text and PDF) into decoded text."""
