"""Printable handbooks: the catalogue to one HTML document per handbook, then to PDF."""
