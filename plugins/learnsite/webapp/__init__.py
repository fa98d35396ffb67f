"""The site as an installable app that works offline: manifest and icons, the precache list and
service worker, and the pages about it (build.py puts them together after every language)."""
