package main

import "github.com/eventwire/eventwire"

func version() string { return eventwire.Version }
