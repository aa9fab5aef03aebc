"""The timeline window and its view."""
