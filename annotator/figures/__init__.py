"""Figures in claims: the parser for news numbers, the words around them, the
store of parsed and corrected figures, and the arithmetic checks on them."""
