"""nbgrader for a student of the class (JUPYTER_CONFIG_PATH of a student's server, hub/spawner.py)."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)
c.CourseDirectory.course_id = "tl4j"
c.Exchange.root = os.environ.get("TL4J_EXCHANGE", "/srv/tl4j/exchange")
c.ExchangeFactory.submit = "exchange.PrivateSubmit"
