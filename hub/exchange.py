"""nbgrader's file-system exchange, closed for a class on one server.

nbgrader's own leaves every submission folder open to all (mode 0777, hidden only by a random name) and
collects a submission named for a student even when another account made it (it warns, then copies).
Here a submission is readable by its author and the instructors' group only, and collect takes, for
each student, the newest submission that student's own account made: one made by anybody else is
refused, with a warning naming who made it.
"""
import os
import pwd
import shutil

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.submit import ExchangeSubmit


class PrivateSubmit(ExchangeSubmit):
    """Submits as nbgrader does, then closes the submission to other students: copied afresh into a folder
    made inside the inbound folder, whose set-group-id bit gives it (and all made in it) the instructors'
    group, which alone may read it. (nbgrader's own copy drops that bit before it writes its last files.)"""

    def copy_files(self):
        super().copy_files()
        made = os.path.join(self.inbound_path, self.assignment_filename)
        closed = made + ".closing"
        os.mkdir(closed)
        for folder, dirs, files in os.walk(made):
            here = os.path.join(closed, os.path.relpath(folder, made))
            for name in dirs:
                os.mkdir(os.path.join(here, name))
            for name in files:
                shutil.copyfile(os.path.join(folder, name), os.path.join(here, name))
        shutil.rmtree(made)
        for folder, _, files in os.walk(closed):
            os.chmod(folder, 0o750)
            for name in files:
                os.chmod(os.path.join(folder, name), 0o640)
        os.rename(closed, made)


class OwnerCheckedCollect(ExchangeCollect):
    """Collects, for each student, the newest submission made by that student's own account."""

    def made_by_student(self, record):
        try:
            owner = os.stat(os.path.join(self.inbound_path, record["filename"])).st_uid
            return owner == pwd.getpwnam(record["username"]).pw_uid
        except (KeyError, OSError):
            return False

    def _sort_by_timestamp(self, records):
        # nbgrader takes the first of each student's records: the student's own, newest first
        for r in records:
            if not self.made_by_student(r):
                self.refuse(r)
        return sorted(records, key=lambda r: (self.made_by_student(r), r["timestamp"]), reverse=True)

    def refuse(self, record):
        try:
            maker = pwd.getpwuid(os.stat(os.path.join(self.inbound_path, record["filename"])).st_uid).pw_name
        except (KeyError, OSError):
            maker = "an unknown account"
        self.log.warning(f"refused {record['filename']}: it names {record['username']} but {maker} made it")

    def copy_files(self):
        self.src_records = [r for r in self.src_records if self.made_by_student(r)]
        super().copy_files()
