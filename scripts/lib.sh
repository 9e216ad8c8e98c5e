# shellcheck shell=bash
# Shared by scripts/smoke and scripts/image (sourced, not run).

# free_ports prints two free TCP ports on 127.0.0.1.
free_ports() {
	python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])'
}

# mockinge_pid prints the ID of the process named mockinge* among pid and
# its descendants: a wrapper such as buildah run does not pass SIGTERM on,
# it kills its child, so the signal goes to mockinge itself. Without one
# (an emulator such as qemu-aarch64-static runs the binary in its own
# process, and passes signals on) it prints pid.
mockinge_pid() {
	find_mockinge "$1" || echo "$1"
}

# find_mockinge prints the ID of the process named mockinge* among pid and
# its descendants, or fails.
find_mockinge() {
	local p=$1 c
	case "$(cat "/proc/$p/comm" 2>/dev/null)" in mockinge*) echo "$p"; return 0 ;; esac
	# shellcheck disable=SC2013 # the children files hold IDs separated by spaces
	for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do
		find_mockinge "$c" && return 0
	done
	return 1
}
