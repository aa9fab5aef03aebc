"""The main window: start-up, the window's parts and menus, preferences and help."""
