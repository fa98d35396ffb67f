"""The content model: typed, validated records for everything authors write."""
