package org.binaryconnect.runtime.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The datasets known by name, with their official addresses and the size and SHA-256 of every file there.
 *
 * <p>Where the checksums come from: TensorFlow Datasets' url_checksums files (tensorflow/datasets,
 * tensorflow_datasets/url_checksums/mnist.txt, fashion_mnist.txt and cifar10.txt), which record size and SHA-256
 * per URL. Debian's dataset-fashion-mnist package holds the same images, but its .gz files were recompressed
 * without the original file name in the gzip header (each is 24 bytes shorter), so their checksums differ from the
 * official files' and cannot confirm them; files found locally are not checksummed, only downloads are.
 */
enum KnownDataset {

    MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), DatasetFormat.IDX,
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", 9912422,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 28881,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 1648877,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 4542,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
            "download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                    + "t10k-labels-idx1-ubyte.gz from https://storage.googleapis.com/cvdf-datasets/mnist/ into %s"),
    // Zalando's README gives these http:// addresses; the S3 website endpoint serves no https. The checksum guards
    // the content.
    FASHION_MNIST("fashion-mnist", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
            "Sneaker", "Bag", "Ankle boot"), DatasetFormat.IDX,
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            List.of(new RemoteFile("train-images-idx3-ubyte.gz", 26421880,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 29515,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 4422102,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 5148,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
            "install Debian's package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), which puts "
                    + "the files in /usr/share/datasets/fashion-mnist, or download the four .gz files from "
                    + "https://github.com/zalandoresearch/fashion-mnist into %s"),
    CIFAR10("cifar10", CifarTenLayout.CLASS_NAMES, DatasetFormat.CIFAR10, "https://www.cs.toronto.edu/~kriz/",
            List.of(new RemoteFile("cifar-10-binary.tar.gz", 170052171,
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")),
            "download cifar-10-binary.tar.gz from https://www.cs.toronto.edu/~kriz/cifar.html and unpack it into %s");

    private final String datasetName;
    private final List<String> classNames;
    private final DatasetFormat format;
    private final URI officialBase;
    private final List<RemoteFile> files;
    private final String manualHint;

    KnownDataset(String datasetName, List<String> classNames, DatasetFormat format, String officialBase,
            List<RemoteFile> files, String manualHint) {
        this.datasetName = datasetName;
        this.classNames = classNames;
        this.format = format;
        this.officialBase = URI.create(officialBase);
        this.files = files;
        this.manualHint = manualHint;
    }

    static Optional<KnownDataset> named(String name) {
        return Arrays.stream(values()).filter(known -> known.datasetName.equals(name)).findFirst();
    }

    String datasetName() {
        return datasetName;
    }

    /** The classes' names in label order, as the dataset's authors give them. */
    List<String> classNames() {
        return classNames;
    }

    DatasetFormat format() {
        return format;
    }

    /** The official address and the files there. */
    DownloadSource official() {
        return new DownloadSource(officialBase, files);
    }

    /** How to get the files without this program, for a user whose cache directory is {@code cacheDirectory}. */
    String manualHint(Path cacheDirectory) {
        return String.format(manualHint, cacheDirectory);
    }

    /** Whether the files arrive as one archive to unpack (CIFAR-10) rather than files used as they are. */
    boolean archived() {
        return format == DatasetFormat.CIFAR10;
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(KnownDataset::datasetName).toList());
    }
}
