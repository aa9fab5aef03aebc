"""Tests of app/ui/main."""
