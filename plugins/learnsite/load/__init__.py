"""Loading: source files to a validated catalogue, collecting located diagnostics on the way."""
