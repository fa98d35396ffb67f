"""Slide decks to project: one 16:9 PDF per programme day and language, made from the sessions'
own blocks (render/slides/markup.py reads them, deck.py cuts them into slides, pdf.py renders)."""
