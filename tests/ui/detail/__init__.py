"""Tests of app/ui/detail."""
