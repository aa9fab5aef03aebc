"""Tests of app/ui/editing."""
