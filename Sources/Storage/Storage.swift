// Placeholder: filled in by the Storage work.
