"""Tests of app/ui/timeline."""
