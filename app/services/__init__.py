"""Use cases over a workspace: what the GUI and the command line both call."""
