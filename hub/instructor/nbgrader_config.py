"""nbgrader for an instructor of the class (JUPYTER_CONFIG_PATH of an instructor's server, hub/spawner.py):
the course folder is ~/tl4j-course, a copy of the repository's exercises/ folder (hub/README.md)."""
import os

c = get_config()  # noqa: F821 (provided by nbgrader)
c.CourseDirectory.course_id = "tl4j"
c.CourseDirectory.root = os.path.expanduser("~/tl4j-course")
c.Exchange.root = os.environ.get("TL4J_EXCHANGE", "/srv/tl4j/exchange")
c.ExchangeFactory.submit = "exchange.PrivateSubmit"
c.ExchangeFactory.collect = "exchange.OwnerCheckedCollect"
