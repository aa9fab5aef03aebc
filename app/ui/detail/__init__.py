"""The selected policy's details: the pane and the HTML it shows."""
