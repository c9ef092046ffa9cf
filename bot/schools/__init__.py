"""Schools and districts of Los Angeles County from the CDE public schools directory."""
