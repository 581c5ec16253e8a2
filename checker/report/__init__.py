"""Formatters: a FindingsDocument in, text out. One format per module; the library never imports them."""
