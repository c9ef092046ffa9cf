"""Documents parents upload to their application: storage on disk and the upload service."""
