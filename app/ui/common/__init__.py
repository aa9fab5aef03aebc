"""What every feature of the window shares: translations, icons, the theme, file choosers."""
