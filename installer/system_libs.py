"""Which shared libraries the Linux bundle takes from the system, and which package provides each.

PyInstaller copies every library a bundled binary needs from the build machine. For the
libraries below that is wrong: they talk to the running desktop (X server, GL driver, D-Bus,
fontconfig's configuration) and must match it, and copies built on a newer system raise the
bundle's glibc floor. So the spec leaves them out (`excluded`) and the .deb declares them in
`Depends:` (`depends`); `check_bundle.py` fails when a bundled binary needs a library that is
neither in the bundle nor here. One table, so the three cannot drift apart.

The C library itself (libc, libm, libdl, libpthread, librt, ld-linux) is never bundled by
PyInstaller; its floor is measured on the bundle (`glibc_floor`) and becomes `libc6 (>= X)`.
"""

from __future__ import annotations

import fnmatch

# soname pattern -> Debian package (the same names on Debian 10-13, Ubuntu 20.04+, Astra SE 1.7/1.8)
SYSTEM_LIBRARIES: dict[str, str] = {
    "libxcb.so.*": "libxcb1",
    "libxcb-cursor.so.*": "libxcb-cursor0",
    "libxcb-icccm.so.*": "libxcb-icccm4",
    "libxcb-image.so.*": "libxcb-image0",
    "libxcb-keysyms.so.*": "libxcb-keysyms1",
    "libxcb-randr.so.*": "libxcb-randr0",
    "libxcb-render-util.so.*": "libxcb-render-util0",
    "libxcb-render.so.*": "libxcb-render0",
    "libxcb-shape.so.*": "libxcb-shape0",
    "libxcb-shm.so.*": "libxcb-shm0",
    "libxcb-sync.so.*": "libxcb-sync1",
    "libxcb-xfixes.so.*": "libxcb-xfixes0",
    "libxcb-xinerama.so.*": "libxcb-xinerama0",
    "libxcb-xinput.so.*": "libxcb-xinput0",
    "libxcb-xkb.so.*": "libxcb-xkb1",
    "libxcb-glx.so.*": "libxcb-glx0",
    "libxcb-dri*.so.*": "libxcb-dri3-0",
    "libxcb-present.so.*": "libxcb-present0",
    "libX11-xcb.so.*": "libx11-xcb1",
    "libX11.so.*": "libx11-6",
    "libXau.so.*": "libxau6",
    "libXdmcp.so.*": "libxdmcp6",
    "libxkbcommon.so.*": "libxkbcommon0",
    "libxkbcommon-x11.so.*": "libxkbcommon-x11-0",
    "libEGL.so.*": "libegl1",
    "libGL.so.*": "libgl1",
    "libGLX.so.*": "libglx0",
    "libGLdispatch.so.*": "libglvnd0",
    "libOpenGL.so.*": "libopengl0",
    "libfontconfig.so.*": "libfontconfig1",
    "libfreetype.so.*": "libfreetype6",
    "libdbus-1.so.*": "libdbus-1-3",
    "libglib-2.0.so.*": "libglib2.0-0",
    "libgthread-2.0.so.*": "libglib2.0-0",
    "libgobject-2.0.so.*": "libglib2.0-0",
    "libgio-2.0.so.*": "libglib2.0-0",
    "libgmodule-2.0.so.*": "libglib2.0-0",
    "libenchant-2.so.*": "libenchant-2-2",
    # QtCore and QtNetwork link them, and the wheels rely on the system for them; the build
    # machine's copies need its glibc (2.33-2.34 on Debian 12). Debian 10 has both (zstd 1.3.8:
    # Qt calls only its basic streaming API; MIT Kerberos 1.17, the same soname).
    "libzstd.so.*": "libzstd1",
    "libgssapi_krb5.so.*": "libgssapi-krb5-2",
    # The C++ runtime must be the system's: the GL driver (mesa) loads the system's own and
    # two copies in one process break; the wheels need only what GCC 8 (Debian 10) has.
    "libstdc++.so.*": "libstdc++6",
    "libgcc_s.so.*": "libgcc-s1 | libgcc1",
}

# Needed at run time whatever the scan finds: Qt's xcb platform plugin loads libxcb-cursor and
# libxkbcommon-x11 (Qt >= 6.5 refuses to start on X11 without them), libEGL for its GL
# integration; pyenchant opens libenchant with ctypes (no ELF entry names it); the fonts Qt
# falls back to; the Russian hunspell dictionary that enchant and the spylls fallback look for.
EXTRA_DEPENDS = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libenchant-2-2",
    "fonts-dejavu-core",
    "hunspell-ru",
]

# Part of the C library: never bundled, their floor is `libc6 (>= glibc_floor)`.
C_LIBRARY = [
    "libc.so.*",
    "libm.so.*",
    "libdl.so.*",
    "libpthread.so.*",
    "librt.so.*",
    "libutil.so.*",
    "libresolv.so.*",
    "ld-linux*.so.*",
    "linux-vdso.so.*",
]

# The oldest glibc the project targets (Astra Linux SE 1.7; PySide6 6.9's manylinux_2_28 wheels).
TARGET_GLIBC = "2.28"


def _match(soname: str, patterns) -> str | None:
    for pattern in patterns:
        if fnmatch.fnmatch(soname, pattern):
            return pattern
    return None


def excluded(soname: str) -> bool:
    """True for a library the bundle leaves to the system (a Depends of the .deb)."""
    return _match(soname, SYSTEM_LIBRARIES) is not None


def package_for(soname: str) -> str | None:
    """The Debian package that provides `soname`, or None if the bundle must carry it."""
    pattern = _match(soname, SYSTEM_LIBRARIES)
    if pattern is not None:
        return SYSTEM_LIBRARIES[pattern]
    return "libc6" if _match(soname, C_LIBRARY) else None


def depends(glibc_floor: str, needed: list[str]) -> list[str]:
    """The .deb's Depends: the C library at the measured floor, the package of every system
    library a bundled binary needs (`needed`: sonames found by the bundle check), the extras."""
    packages = {package_for(soname) for soname in needed} - {None, "libc6"}
    packages |= set(EXTRA_DEPENDS)
    return [f"libc6 (>= {glibc_floor})", *sorted(packages)]
