"""The site as a plain docs folder any MkDocs-compatible engine builds without learnsite's plugin
(`learnsite export-docs`): so a centre keeps its site when MkDocs or Material goes, and Zensical,
which runs no third-party plugins, builds the same pages."""
