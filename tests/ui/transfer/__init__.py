"""Tests of app/ui/transfer."""
