"""The Qt layer: window, widgets, models over the core, and the web-view bridge."""
