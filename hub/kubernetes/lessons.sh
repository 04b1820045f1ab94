# docker-stacks runs this before JupyterLab starts: the lessons, once, into the student's home (a volume).
if [ ! -e "${HOME}/tl4j" ]; then
    cp -r /opt/tl4j/notebooks "${HOME}/tl4j"
fi
