"""Small widgets and model bases that several ui features share."""
