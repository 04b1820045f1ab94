"""nbgrader in the students' image on Kubernetes: the exchange is ngshare, a JupyterHub service that knows
who each request comes from (its hub token), since every pod runs as the same user (jovyan) and a shared
exchange folder could not tell students apart. Not run here (hub/README.md)."""
from ngshare_exchange import configureExchange

c = get_config()  # noqa: F821 (provided by nbgrader)
c.CourseDirectory.course_id = "tl4j"
configureExchange(c, "http://ngshare:8080/services/ngshare")
