"""Everything the assistant says, rendered from the locale catalogs in the parent's language."""
