package io.ringway.storage.recon;

/** The files of Swift's recon cache ({@code recon_cache_path}), one a kind of daemon. */
public enum ReconFile {
    ACCOUNT("account.recon"),
    CONTAINER("container.recon"),
    OBJECT("object.recon"),
    DRIVE("drive.recon"),
    RELINKER("relinker.recon");

    private final String fileName;

    ReconFile(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
