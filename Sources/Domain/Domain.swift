// Placeholder: filled in by the Domain work.
