"""Who works in the demo village: no one is asked (kept apart from the demo's generator,
``demo``, which loads python-stdnum and is not needed to open a demo book)."""

DEMO_OPERATOR = "演示用户"
