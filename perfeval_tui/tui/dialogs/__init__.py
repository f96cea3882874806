"""Dialogs of the wizard."""
