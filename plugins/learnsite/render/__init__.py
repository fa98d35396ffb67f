"""Rendering: the catalogue to Markdown pages for the site (and, later, to PDF handbooks)."""
