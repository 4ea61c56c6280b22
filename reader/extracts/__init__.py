"""What documents ask of the reader, read from their text as records: 人事任免 (:mod:`personnel`)
and deadlines with their units (:mod:`tasks`). Derived data, rebuilt from the text at will
(:mod:`store`); only the user's done marks are the user's own."""
