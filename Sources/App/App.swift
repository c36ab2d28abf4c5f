// Placeholder: filled in by the App work.
