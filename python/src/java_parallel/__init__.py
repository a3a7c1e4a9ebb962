"""java-parallel: a Jupyter kernel for Java (JShell) made for parallel programming.

`python -m java_parallel install` writes the kernelspec; Jupyter then starts `python -m java_parallel launch`,
which finds a JDK and runs the kernel's JVM from the jars in this package."""
__version__ = "0.1.0"
