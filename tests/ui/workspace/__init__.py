"""Tests of app/ui/workspace."""
