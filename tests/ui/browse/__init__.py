"""Tests of app/ui/browse."""
