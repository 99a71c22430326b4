"""Claims in the window: the claims table, the claim form and the Claims menu."""
