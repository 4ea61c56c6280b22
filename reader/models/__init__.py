"""Qt item models over library ids, background tasks and undo commands."""
