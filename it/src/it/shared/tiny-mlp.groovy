// Copies TinyMlp, the network most scenarios train (shared/TinyMlp.java, one copy for all of them), into the
// project's src/main/java, where a user's project would have it. The calling script may set networkModule first to
// copy it into a module of a multi-module project instead ('model' puts it under model/src/main/java).
def project = binding.hasVariable('networkModule') ? new File(basedir, networkModule) : basedir
def target = new File(project, 'src/main/java/com/example/tiny/TinyMlp.java')
target.parentFile.mkdirs()
target.bytes = new File(itSources, 'shared/TinyMlp.java').bytes
return true
