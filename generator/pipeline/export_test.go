package pipeline

// PoisonRecycledSources makes parsing overwrite each content file's bytes
// once its page is prepared, for tests that prove no page still reads them.
func PoisonRecycledSources(on bool) { poisonRecycled = on }
