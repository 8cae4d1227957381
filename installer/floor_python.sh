#!/usr/bin/env bash
# CPython 3.11 and the C libraries it links, built for the glibc floor (installer/README.md,
# "The glibc floor"): every binary is compiled and linked by `zig cc -target
# x86_64-linux-gnu.2.28`, which links against glibc 2.28's symbol versions whatever glibc the
# build machine has, so the bundle frozen from this Python needs no newer glibc than 2.28.
#
#     installer/floor_python.sh            # -> build/floor/prefix/bin/python3.11
#
# Sources are Debian's (`apt-get source --download-only`: the upstream .orig tarball, and for
# CPython, SQLite and xz Debian's security fixes from its patch series, see SECURITY_PATCHES), so
# only Debian's archive and PyPI (for zig: the `ziglang` wheel) are needed. The libraries are static
# (-fPIC) and linked into Python's extension modules, so the bundle carries no separate copies
# of them; libpython3.11.so is shared (PyInstaller needs it) and found through an rpath.
# Every step leaves a stamp in build/floor/stamps/: a rerun skips what is done (delete a stamp
# or build/floor/ to redo). Variables: FLOOR_DIR (build/floor), FLOOR_GLIBC (2.28), JOBS (2).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FLOOR=${FLOOR_DIR:-$ROOT/build/floor}
GLIBC=${FLOOR_GLIBC:-2.28}
JOBS=${JOBS:-2}
HOST_PYTHON=${HOST_PYTHON:-python3}
PREFIX=$FLOOR/prefix
SRC=$FLOOR/src
WORK=$FLOOR/work
STAMPS=$FLOOR/stamps
TOOLS=$FLOOR/tools
BIN=$FLOOR/bin
# Source package -> glob of its upstream tarball (what `apt-get source` downloads).
PACKAGES=(
    "zlib:zlib_*.orig.tar.*"
    "bzip2:bzip2_*.orig.tar.*"
    "xz-utils:xz-utils_*.orig.tar.xz"
    "libffi:libffi_*.orig.tar.*"
    "sqlite3:sqlite3_*.orig.tar.xz"
    "openssl:openssl_*.orig.tar.gz"
    "python3.11:python3.11_*.orig.tar.*"
)

# Source package -> extended regex of the entries of Debian's debian/patches/series applied
# on top of the upstream tarball: the security fixes and upstream backports Debian ships in its
# stable updates (CPython 3.11.2 carries ~45 of them), not its packaging patches (install
# layout, multiarch, dynamic linking), which do not fit a private prefix. OpenSSL's tarball is
# already the current upstream 3.0 release; zlib's, bzip2's and libffi's series hold no fixes
# for the libraries themselves. Every listed patch must apply, or the build stops.
declare -A SECURITY_PATCHES=(
    [python3.11]='^(CVE-|0[0-9]{3}-3\.11-|relfile-nullptr|shutdown-deadlock|frame_dealloc-crash)'
    [sqlite3]='^(41-fix_a_bug|42-CVE-|000[0-9]-)'
    [xz-utils]='^(liblzma-|xz-Prevent-)'
)

mkdir -p "$PREFIX/lib" "$PREFIX/include" "$SRC" "$WORK" "$STAMPS" "$BIN"

log() { printf '[floor %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
done_step() { [[ -e $STAMPS/$1 ]]; }
mark() { touch "$STAMPS/$1"; }

# --- zig (PyPI's ziglang wheel) and the compiler wrappers every build below uses -------------
if ! done_step zig; then
    log "zig: installing the ziglang wheel into $TOOLS"
    "$HOST_PYTHON" -m venv "$TOOLS"
    "$TOOLS/bin/python" -m pip install -q ziglang
    mark zig
fi
# The zig binary itself (not `python -m ziglang`): configure scripts run the compiler thousands
# of times, and a Python start each time would double the build.
ZIG=$("$TOOLS/bin/python" -c 'import ziglang, pathlib; print(pathlib.Path(ziglang.__file__).parent / "zig")')
for tool in cc c++ ar ranlib; do
    case $tool in
        cc | c++) args="$tool -target x86_64-linux-gnu.$GLIBC -fno-sanitize=all -Wno-error=date-time" ;;
        *) args=$tool ;;
    esac
    cat > "$BIN/$tool.new" << EOF
#!/bin/sh
exec "$ZIG" $args "\$@"
EOF
    chmod +x "$BIN/$tool.new"
    mv "$BIN/$tool.new" "$BIN/$tool"
done
export CC=$BIN/cc CXX=$BIN/c++ AR=$BIN/ar RANLIB=$BIN/ranlib
export CFLAGS="-O2 -fPIC" CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib"
# Only the prefix's .pc files: nothing from the build machine's /usr may leak in.
export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig

# --- sources ------------------------------------------------------------------------------------
tarball() { compgen -G "$SRC/$1" | sort -V | tail -n 1; }
debian_tarball() { tarball "$1_*.debian.tar.*"; }
have_source() { # package pattern: the upstream tarball, and Debian's patches if any are taken
    [[ -n $(tarball "$2") ]] && { [[ -z ${SECURITY_PATCHES[$1]:-} ]] || [[ -n $(debian_tarball "$1") ]]; }
}
fetch() {
    local package=$1 pattern=$2
    have_source "$package" "$pattern" && return
    log "source: $package"
    (cd "$SRC" && apt-get source --download-only "$package" > /dev/null 2>&1) || true
    if ! have_source "$package" "$pattern"; then
        # A security update's files can be missing from the mirror (a 404 for the newest
        # .debian.tar while the .dsc is listed): take the newest version that downloads whole.
        local version
        rm -f "$SRC/${package}_"*.debian.tar.* "$SRC/${package}_"*.dsc
        for version in $(apt-cache showsrc "$package" | sed -n 's/^Version: //p' | sort -rV); do
            (cd "$SRC" && apt-get source --download-only "$package=$version" > /dev/null 2>&1) || true
            have_source "$package" "$pattern" && break
            rm -f "$SRC/${package}_"*.debian.tar.* "$SRC/${package}_"*.dsc
        done
    fi
    have_source "$package" "$pattern" || {
        echo "floor_python: no source for $package ($pattern) in $SRC (has apt deb-src entries?)" >&2
        exit 1
    }
}
apply_security_patches() { # package dir: Debian's fixes named by SECURITY_PATCHES, in series order
    local package=$1 dir=$2 regex=${SECURITY_PATCHES[$1]:-} debian name list
    [[ -n $regex ]] || return 0
    debian=$WORK/$package.debian
    list=$WORK/$package.patches # what was applied, for the record
    rm -rf "$debian"
    mkdir -p "$debian"
    tar -xf "$(debian_tarball "$package")" -C "$debian"
    basename "$(debian_tarball "$package")" > "$list"
    while read -r name; do
        patch -d "$dir" -p1 -N -s < "$debian/debian/patches/$name" > /dev/null || {
            echo "floor_python: $package: Debian's $name does not apply" >&2
            return 1
        }
        echo "$name" >> "$list"
    done < <(grep -E "$regex" "$debian/debian/patches/series")
    (($(wc -l < "$list") > 1)) || { echo "floor_python: $package: no patch matches $regex" >&2; return 1; }
    log "$package: $(($(wc -l < "$list") - 1)) of Debian's fixes applied ($list)"
}
unpack() { # package pattern -> prints the fresh source directory, Debian's fixes applied
    local dir=$WORK/$1
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xf "$(tarball "$2")" -C "$dir" --strip-components=1
    apply_security_patches "$1" "$dir" >&2 || return 1
    echo "$dir"
}
for entry in "${PACKAGES[@]}"; do fetch "${entry%%:*}" "${entry#*:}"; done
pattern_of() { local e; for e in "${PACKAGES[@]}"; do [[ ${e%%:*} == "$1" ]] && echo "${e#*:}"; done; }

# --- the C libraries, static and position-independent ------------------------------------------
build_zlib() {
    log "zlib"
    dir=$(unpack zlib "$(pattern_of zlib)") || return 1
    (cd "$dir" && ./configure --prefix="$PREFIX" --static && make -j"$JOBS" && make install) \
        > "$WORK/zlib.log" 2>&1
}

build_bzip2() {
    log "bzip2"
    dir=$(unpack bzip2 "$(pattern_of bzip2)") || return 1
    (cd "$dir" && make -j"$JOBS" CC="$CC" AR="$AR" RANLIB="$RANLIB" \
        CFLAGS="$CFLAGS -D_FILE_OFFSET_BITS=64" libbz2.a) > "$WORK/bzip2.log" 2>&1
    cp "$dir/libbz2.a" "$PREFIX/lib/"
    cp "$dir/bzlib.h" "$PREFIX/include/"
}

build_xz() {
    log "xz (liblzma)"
    dir=$(unpack xz-utils "$(pattern_of xz-utils)") || return 1
    (cd "$dir" && ./configure --prefix="$PREFIX" --libdir="$PREFIX/lib" --disable-shared \
        --enable-static --with-pic --disable-xz --disable-xzdec --disable-lzmadec \
        --disable-lzmainfo --disable-lzma-links --disable-scripts --disable-doc --disable-nls &&
        make -j"$JOBS" && make install) > "$WORK/xz.log" 2>&1
}

build_libffi() {
    log "libffi"
    # 3.4.4's static trampolines do not compile with clang >= 16 (zig's; fixed in 3.4.5), and
    # Python's ctypes does not need them.
    dir=$(unpack libffi "$(pattern_of libffi)") || return 1
    (cd "$dir" && ./configure --prefix="$PREFIX" --libdir="$PREFIX/lib" --disable-shared \
        --enable-static --with-pic --disable-docs --disable-multi-os-directory \
        --disable-exec-static-tramp &&
        make -j"$JOBS" && make install) > "$WORK/libffi.log" 2>&1
}

build_sqlite() {
    log "sqlite"
    dir=$(unpack sqlite3 "$(pattern_of sqlite3)") || return 1
    # The options Debian's libsqlite3 is built with that Python's sqlite3 module can use.
    (cd "$dir" && CFLAGS="$CFLAGS -DSQLITE_ENABLE_FTS3 -DSQLITE_ENABLE_FTS3_PARENTHESIS \
        -DSQLITE_ENABLE_FTS4 -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_ENABLE_RTREE \
        -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_SECURE_DELETE \
        -DSQLITE_ENABLE_UNLOCK_NOTIFY -DSQLITE_MAX_VARIABLE_NUMBER=250000" \
        ./configure --prefix="$PREFIX" --libdir="$PREFIX/lib" --disable-shared --enable-static \
        --with-pic --disable-tcl --disable-readline --disable-editline &&
        make -j"$JOBS" libsqlite3.la) > "$WORK/sqlite.log" 2>&1
    # The library alone (`make install` would build the shell too).
    mkdir -p "$PREFIX/lib/pkgconfig"
    cp "$dir/.libs/libsqlite3.a" "$PREFIX/lib/"
    cp "$dir/sqlite3.h" "$dir/src/sqlite3ext.h" "$PREFIX/include/"
    cp "$dir/sqlite3.pc" "$PREFIX/lib/pkgconfig/"
}

build_openssl() {
    log "openssl (the longest library)"
    dir=$(unpack openssl "$(pattern_of openssl)") || return 1
    # OPENSSLDIR is the system's (Debian, Astra: /usr/lib/ssl -> /etc/ssl/certs), so the
    # target's CA store and openssl.cnf are used, not a path on the build machine.
    (cd "$dir" && ./Configure linux-x86_64 --prefix="$PREFIX" --libdir=lib \
        --openssldir=/usr/lib/ssl no-shared no-tests -fPIC &&
        make -j"$JOBS" build_libs && make install_dev) > "$WORK/openssl.log" 2>&1
}

# Independent of each other: built side by side (on a busy machine that also gets them a larger
# share of it), each into its log in build/floor/work/.
pids=()
for step in zlib bzip2 xz libffi sqlite openssl; do
    done_step $step && continue
    ("build_$step" && mark $step) &
    pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
if ((failed)); then
    echo "floor_python: a library failed to build; see the logs in $WORK" >&2
    exit 1
fi

# --- CPython --------------------------------------------------------------------------------------
if ! done_step python; then
    log "python (configure, build, install)"
    dir=$(unpack python3.11 "$(pattern_of python3.11)")
    # Modules the workstation does not use whose libraries only the build machine would provide
    # (setup.py also searches /usr/lib/x86_64-linux-gnu): not built, so none can be bundled.
    printf '%s\n' '*disabled*' _curses _curses_panel readline _dbm _gdbm _tkinter nis _crypt \
        _uuid ossaudiodev spwd > "$dir/Modules/Setup.local"
    # The Makefile names libpython's soname with `-Wl,-h`, the short form zig's linker driver
    # rejects ("unsupported linker arg"); `-soname` is the same option, spelled the long way.
    sed -i 's/-Wl,-h\$/-Wl,-soname,$/' "$dir/Makefile.pre.in"
    # libpython3.so (the stable ABI's stub) is linked from libpython3.11.so alone; given no
    # source or object file, zig hands the link to clang's driver, which rejects the target's
    # glibc version ("version '.2.28' in target triple ... is invalid"). An empty C file in
    # the link avoids that and adds nothing to the library.
    : > "$dir/Modules/floor_empty.c"
    sed -i 's|-o \$@ -Wl,-soname,\$@ \$^$|& Modules/floor_empty.c|' "$dir/Makefile.pre.in"
    # setup.py puts the build machine's /usr/local and /usr/include/x86_64-linux-gnu on every
    # extension's command line; that glibc's headers then clash with zig's glibc 2.28 headers
    # (`unknown type name '__time64_t'`) and nearly every module fails. The prefix has all the
    # libraries the build needs, so those paths are dropped (`pass` keeps the blocks valid).
    sed -i -e "s|add_dir_to_list(self.compiler.library_dirs, '/usr/local/lib')|pass|" \
        -e "s|add_dir_to_list(self.compiler.include_dirs, '/usr/local/include')|pass|" \
        -e 's|^        self.add_multiarch_paths()$|        pass|' "$dir/setup.py"
    # Debian's fix for CVE-2026-4224 has pyexpat.c include an internal header (Debian builds
    # the module into the interpreter, which defines Py_BUILD_CORE); setup.py builds it as an
    # extension, so it is given the define an internal module needs.
    sed -i "s|Extension('pyexpat', sources=\['pyexpat.c'\])|Extension('pyexpat', sources=['pyexpat.c'], define_macros=[('Py_BUILD_CORE_MODULE', '1')])|" \
        "$dir/setup.py"
    grep -q "'pyexpat', sources=\['pyexpat.c'\], define_macros" "$dir/setup.py"
    (cd "$dir" && ./configure --prefix="$PREFIX" --enable-shared --with-openssl="$PREFIX" \
        --with-ensurepip=install --without-static-libpython \
        LDFLAGS="$LDFLAGS -Wl,-rpath,$PREFIX/lib" \
        LIBS="-lpthread -ldl" &&
        make -j"$JOBS" && make install) > "$WORK/python.log" 2>&1
    # setup.py reports a module it could not build and goes on; the bundle would lack it.
    if grep -q "Failed to build these modules" "$WORK/python.log"; then
        grep -A4 "Failed to build these modules" "$WORK/python.log" >&2
        echo "floor_python: CPython modules failed to build; see $WORK/python.log" >&2
        exit 1
    fi
    mark python
fi

"$PREFIX/bin/python3.11" - << 'EOF'
import bz2, ctypes, decimal, hashlib, lzma, pyexpat, sqlite3, ssl, zlib, sys
import xml.etree.ElementTree
print(f"floor python {sys.version.split()[0]}: {ssl.OPENSSL_VERSION}, sqlite {sqlite3.sqlite_version}")
EOF
echo "$PREFIX/bin/python3.11"
