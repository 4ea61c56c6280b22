"""Qt widgets: windows, panes, dialogs. No SQL, no pymupdf, no whoosh here."""
