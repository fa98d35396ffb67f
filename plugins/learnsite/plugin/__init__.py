"""The MkDocs adapter: a thin plugin that hands MkDocs events to the core."""
