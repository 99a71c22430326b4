"""The figures view and the editor for one claim's figures."""
