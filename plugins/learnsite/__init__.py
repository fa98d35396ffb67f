"""learnsite: curriculum Markdown and YAML in, a bilingual site and printable handbooks out."""

__version__ = "0.1.0"
